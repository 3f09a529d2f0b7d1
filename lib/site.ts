// The organization the portal is deployed for. One place to change for another city.
export const site = {
  name: '江州机关党建',
  organization: '中共江州市委市级机关工作委员会',
  shortOrganization: '江州市委市级机关工委',
  description: '江州市委市级机关工委主办的机关党建门户：工作动态、通知公告、理论学习、基层风采与党课资源。',
  address: '江州市人民路 1 号市级机关办公中心 5 号楼',
  postcode: '599000',
  phone: '0599-8888 6001',
  icp: '江ICP备20250001号',
} as const;

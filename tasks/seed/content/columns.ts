// Demo columns (栏目) of the portal.
import type { SeedColumn } from '../types';

export const seedColumns: SeedColumn[] = [
  {
    slug: 'work-news',
    name: '工作动态',
    description: '及时报道市委市级机关工委和各机关单位党建工作的重要活动与最新进展。',
    sortOrder: 1,
  },
  {
    slug: 'notices',
    name: '通知公告',
    description: '发布工委面向各机关党组织的工作通知、公示公告和培训安排。',
    sortOrder: 2,
  },
  {
    slug: 'theory-study',
    name: '理论学习',
    description: '汇集第一议题学习、理论学习中心组学习、青年理论学习小组和党课资源。',
    sortOrder: 3,
  },
  {
    slug: 'branch-showcase',
    name: '基层风采',
    description: '展示基层党组织书记项目、主题党日和党员先锋模范作用的鲜活实践。',
    sortOrder: 4,
  },
  {
    slug: 'integrity',
    name: '党风廉政',
    description: '聚焦作风建设、廉洁文化和纪律教育，推动全面从严治党向机关延伸。',
    sortOrder: 5,
  },
  {
    slug: 'special-topics',
    name: '专题专栏',
    description: '围绕优化营商环境、机关公益服务等重点工作集中呈现专题报道。',
    sortOrder: 6,
  },
];

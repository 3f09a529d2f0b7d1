import { site } from '@/lib/site';
import { publicPage } from '../respond';

// Needs no data: rendered once at build time with the short header (no column navigation).
export const dynamic = 'force-static';

export function GET() {
  return publicPage(
    { title: '关于本站', canonical: '/about' },
    <article className="prose">
      <h1>关于本站</h1>
      <p>
        {site.name}由{site.organization}主办，是全市机关党建工作的信息发布和交流平台，设有工作动态、通知公告、理论学习、基层风采、党风廉政和专题专栏等栏目，并提供党课资源目录和站内全文检索。
      </p>
      <h2>订阅与检索</h2>
      <ul>
        <li>
          全站 RSS：<a href="/feed.xml">/feed.xml</a>，各栏目页另有栏目订阅地址。
        </li>
        <li>站内搜索支持标题、摘要和正文的中文全文检索。</li>
      </ul>
      <h2>无障碍与适老化</h2>
      <p>本站页面支持键盘操作和读屏软件，正文字号可随浏览器缩放，手机等小屏设备可正常浏览。如遇访问障碍，请与我们联系。</p>
      <h2>联系我们</h2>
      <p>
        地址：{site.address}（邮编 {site.postcode}）
        <br />
        电话：{site.phone}
      </p>
    </article>,
    { withNavigation: false },
  );
}

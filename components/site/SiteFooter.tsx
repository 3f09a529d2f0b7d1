import { site } from '@/lib/site';

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>主办单位：{site.organization}</p>
        <p>
          地址：{site.address}　邮编：{site.postcode}　电话：{site.phone}
        </p>
        <p>
          <a href="/about">关于本站</a>　<a href="/feed.xml">RSS 订阅</a>　{site.icp}
        </p>
      </div>
    </footer>
  );
}

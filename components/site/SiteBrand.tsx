import { site } from '@/lib/site';

/** The emblem, site name and organization, linking home: the start of every public header. */
export function SiteBrand() {
  return (
    <>
      <a className="skip-link" href="#main">
        跳到正文
      </a>
      <a href="/" className="site-brand">
        <span className="site-emblem" aria-hidden="true">
          党
        </span>
        <span>
          <span className="site-name">{site.name}</span>
          <span className="site-org">{site.organization}</span>
        </span>
      </a>
    </>
  );
}

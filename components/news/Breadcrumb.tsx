import './column.css';

type Crumb = { label: string; href?: string };

export function Breadcrumb({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="当前位置" className="breadcrumb no-print">
      <ol>
        <li>
          <a href="/">首页</a>
        </li>
        {items.map((item, i) => (
          <li key={i}>{item.href ? <a href={item.href}>{item.label}</a> : <span aria-current={i === items.length - 1 ? 'page' : undefined}>{item.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}

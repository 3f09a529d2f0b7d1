import Link from 'next/link';
import { branchKindLabels } from '@/lib/branches/kinds';
import type { TreeNode } from '@/lib/branches/types';
import styles from './branches.module.css';
import { statusCountsText } from './StatusCountsText';

/**
 * The organization tree as nested lists; each node's children fold in a native <details>, so
 * no script is needed. The top two levels start open; with a search, only matching branches
 * are shown, all open, and the hits are marked.
 */
export function BranchTree({ roots, searching }: { roots: TreeNode[]; searching: boolean }) {
  return (
    <ul className={styles.tree}>
      {roots.map((node) => (
        <BranchItem key={node.id} node={node} depth={0} searching={searching} />
      ))}
    </ul>
  );
}

function BranchItem({ node, depth, searching }: { node: TreeNode; depth: number; searching: boolean }) {
  if (searching && !node.matches) return null;
  const children = searching ? node.children.filter((c) => c.matches) : node.children;
  const breakdown = statusCountsText(node.subtree);
  return (
    <li className={styles.node}>
      <div className={styles.row}>
        <Link href={`/admin/branches/${node.id}`} className={node.dissolvedOn ? styles.dissolvedName : undefined}>
          {node.hit ? <mark className={styles.hit}>{node.name}</mark> : node.name}
        </Link>
        <span className={styles.kind}>{branchKindLabels[node.kind]}</span>
        <span className={styles.code}>{node.code}</span>
        {node.dissolvedOn && <span className={styles.dissolved}>已撤销（{node.dissolvedOn}）</span>}
        <span className={styles.counts} title={breakdown || undefined}>
          {node.total} 人{breakdown && node.kind !== 'work_committee' ? `（${breakdown}）` : ''}
        </span>
      </div>
      {children.length > 0 && (
        <details className={styles.toggle} open={searching || depth < 1}>
          <summary>
            下级组织 {children.length} 个<span className="visually-hidden">：{node.name}</span>
          </summary>
          <ul>
            {children.map((child) => (
              <BranchItem key={child.id} node={child} depth={depth + 1} searching={searching} />
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

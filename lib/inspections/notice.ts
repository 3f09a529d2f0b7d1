import type { RichTextNode } from '@/db/schema/articles';
import { cleanDoc } from '@/lib/articles/body';
import type { ArticleFields } from '@/lib/articles/schemas';
import { todayInBeijing } from '@/lib/calendar/days';
import { findingCategoryLabels } from '@/lib/reviews/labels';
import type { FindingCategory } from '@/lib/reviews/types';
import { inspectionMethodLabels } from './labels';
import type { InspectionMethod } from './types';

// The 通报 draft's text: the facts of a closed inspection (who, when, how, what was checked,
// each finding and how it was rectified), for an editor to finish. Plain facts, no verdicts.

type Facts = {
  inspection: { id: number; inspectedOn: string; method: InspectionMethod; scope: string };
  node: { name: string; unitName: string };
  findings: { category: FindingCategory; comment: string; raisedOn: string; closedAt: Date | null; answer: string | null }[];
  columnId: number;
};

const text = (t: string): RichTextNode => ({ type: 'text', text: t });
const paragraph = (t: string): RichTextNode => ({ type: 'paragraph', content: [text(t)] });
const heading = (t: string): RichTextNode => ({ type: 'heading', attrs: { level: 2 }, content: [text(t)] });
const day = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
const closedDay = (at: Date | null) => (at ? day(todayInBeijing(at)) : '');

export function noticeDraft({ inspection, node, findings, columnId }: Facts): ArticleFields {
  const method = inspectionMethodLabels[inspection.method];
  const items: RichTextNode = {
    type: 'orderedList',
    content: findings.map((f) => ({
      type: 'listItem',
      content: [
        paragraph(
          `${findingCategoryLabels[f.category]}：${f.comment}（${day(f.raisedOn)}提出）` +
            (f.answer ? `整改情况：${f.answer}` : '') +
            (f.closedAt ? `（${closedDay(f.closedAt)}复查确认整改到位）` : ''),
        ),
      ],
    })),
  };
  const body: RichTextNode = {
    type: 'doc',
    content: [
      paragraph(`${day(inspection.inspectedOn)}，市委市级机关工委督查组采取“${method}”方式，对${node.name}进行了督查。`),
      heading('督查内容'),
      paragraph(inspection.scope),
      heading('发现的问题及整改情况'),
      ...(findings.length ? [paragraph(`督查共发现问题 ${findings.length} 个，均已整改到位。`), items] : [paragraph('督查未发现问题。')]),
      heading('工作要求'),
      paragraph('（请编辑补充：各单位对照检视、举一反三的要求。）'),
    ],
  };
  return {
    title: `关于对${node.unitName}${method}督查情况的通报`,
    kicker: null,
    subtitle: null,
    byline: null,
    source: '市委市级机关工委',
    summary: `${day(inspection.inspectedOn)}${method}督查${node.name}：发现问题 ${findings.length} 个，已全部整改到位。（由督查记录第 ${inspection.id} 号生成的草稿）`,
    columnId,
    slug: null,
    coverMediaId: null,
    videoUrl: null,
    pinned: false,
    publishAt: null,
    bodyJson: cleanDoc(body),
  };
}

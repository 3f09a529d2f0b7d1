import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import ui from '@/components/admin/admin-ui.module.css';
import styles from '@/components/development/development.module.css';
import { CorrectionForm } from '@/components/development/CorrectionForm';
import { DocumentList } from '@/components/development/DocumentList';
import { DocumentUploadForm } from '@/components/development/DocumentUploadForm';
import { DueList } from '@/components/development/DueList';
import { StepForm } from '@/components/development/StepForm';
import { requirePermission } from '@/lib/auth/current-user';
import { isForbidden } from '@/lib/branches/queries';
import { todayInBeijing } from '@/lib/calendar/days';
import { correctable } from '@/lib/development/correction-check';
import { documentKindOptions } from '@/lib/development/document-labels';
import { listDevelopmentDocuments } from '@/lib/development/document-queries';
import { documentLimit } from '@/lib/development/document-schemas';
import { getDevelopmentFile, personWithoutFile } from '@/lib/development/queries';
import { assessmentResultLabels, type AssessmentResult, bodyLabels, stageLabels, stepLabel, steps } from '@/lib/development/steps';
import { parseId } from '@/lib/ids';

export const metadata: Metadata = { title: '发展党员档案' };

type Props = { params: Promise<{ personId: string }>; searchParams: Promise<{ saved?: string; corrected?: string }> };

const dateLabels: [string, string][] = [
  ['appliedOn', '递交入党申请'],
  ['talkedOn', '谈话'],
  ['activistOn', '确定为入党积极分子'],
  ['targetOn', '列为发展对象'],
  ['politicalReviewOn', '政治审查'],
  ['concentratedTrainingOn', '集中培训'],
  ['preReviewedOn', '上级党委预审'],
  ['probationaryOn', '支部大会接收为预备党员'],
  ['approvedOn', '上级党委审批'],
  ['oathOn', '入党宣誓'],
  ['extendedOn', '延长预备期'],
  ['probationExtendedUntil', '预备期延长至'],
  ['fullMemberOn', '支部大会讨论转正'],
  ['conversionApprovedOn', '上级党委审批转正'],
  ['exitedOn', '退出发展程序'],
];

export default async function DevelopmentFilePage({ params, searchParams }: Props) {
  const { personId: raw } = await params;
  const personId = parseId(raw);
  if (personId === null) notFound();
  const me = await requirePermission('development.read', undefined, `/admin/development/${personId}`);
  const { saved, corrected } = await searchParams;
  const today = todayInBeijing();
  const refuse = (error: unknown) => (isForbidden(error) ? forbidden() : Promise.reject(error));
  const file = await getDevelopmentFile(me, personId, { today }).catch(refuse);
  if (!file) {
    // Someone in scope who has not applied yet: say so, and where an application is registered.
    const person = await personWithoutFile(me, personId).catch(refuse);
    if (!person) notFound();
    return (
      <>
        <p>
          <Link href="/admin/development">返回发展党员</Link>
        </p>
        <h1 className={ui.title}>{person.name}的发展档案</h1>
        <p className={ui.panel} role="status">
          {person.branchName}的{person.name}还没有发展档案。收到入党申请书后，可在<a href={`/admin/people/${person.id}`}>党员名册的人员页面</a>登记入党申请，档案随之建立。
        </p>
      </>
    );
  }
  const allowed = file.offered.filter((o) => o.allowed).map((o) => o.step);
  const documents = await listDevelopmentDocuments(me, personId);
  return (
    <>
      <p>
        <Link href="/admin/development">返回发展党员</Link>
      </p>
      <h1 className={ui.title}>{file.name}的发展档案</h1>
      <p className={ui.muted}>
        {file.branchName} · 当前阶段：{stageLabels[file.stage]}
        {file.ruleSetInForce ? ` · 今天适用《${file.ruleSetInForce.name}》` : ''}
      </p>
      {saved && (
        <p className={ui.panel} role="status">
          步骤已记录。
        </p>
      )}
      {corrected && (
        <p className={ui.panel} role="status">
          日期已补正。
        </p>
      )}
      <section aria-labelledby="due-heading" className={ui.panel}>
        <h2 id="due-heading">期限与提醒</h2>
        {file.due.length ? <DueList items={file.due} withRule /> : <p>当前没有待办期限。</p>}
      </section>
      <section aria-labelledby="dates-heading" className={ui.panel}>
        <h2 id="dates-heading">各环节日期</h2>
        <dl className={styles.dates}>
          {dateLabels
            .filter(([key]) => file.dates[key])
            .map(([key, label]) => (
              <div key={key} style={{ display: 'contents' }}>
                <dt>{label}</dt>
                <dd>
                  {file.dates[key]}
                  {key === 'concentratedTrainingOn' && file.linkedTraining ? (
                    <>
                      （<Link href={`/admin/training/rounds/${file.linkedTraining.roundId}`}>{file.linkedTraining.roundName}</Link>
                      {`，${file.linkedTraining.completedOn} 结业，${file.linkedTraining.days} 天、${file.linkedTraining.hours} 学时，证书编号 ${file.linkedTraining.certificateNo ?? '无'}）`}
                    </>
                  ) : key === 'concentratedTrainingOn' && (file.training.days || file.training.hours) ? (
                    `（${file.training.days ?? 0} 天、${file.training.hours ?? 0} 学时，未关联培训记录）`
                  ) : (
                    ''
                  )}
                  {key === 'extendedOn' && file.extensionMonths ? `（延长 ${file.extensionMonths} 个月）` : ''}
                </dd>
              </div>
            ))}
          <dt>入党介绍人</dt>
          <dd>
            {file.introducers.length
              ? file.introducers.map((i) => `${i.name}（${i.assignedOn} 确定）`).join('、')
              : file.legacyIntroducers.length
                ? `${file.legacyIntroducers.join('、')}（旧记录，仅有姓名）`
                : '尚未确定'}
          </dd>
        </dl>
      </section>
      <section aria-labelledby="assessments-heading">
        <h2 id="assessments-heading">培养考察</h2>
        {file.assessments.length === 0 ? (
          <p className={ui.panel}>尚无考察记录。</p>
        ) : (
          <ul>
            {file.assessments.map((a) => (
              <li key={a.id}>
                {a.assessedOn}：{assessmentResultLabels[a.result as AssessmentResult] ?? a.result}
                {a.note ? `，${a.note}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading">材料</h2>
        <DocumentList personId={file.personId} name={file.name} documents={documents} canWrite={file.canWrite} />
        {file.canWrite ? (
          <>
            <h3>上传材料</h3>
            <DocumentUploadForm personId={file.personId} kinds={documentKindOptions} maxMb={documentLimit.maxMb} />
          </>
        ) : null}
      </section>
      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading">步骤记录</h2>
        <div className={ui.tableWrap}>
          <table className={`${ui.table} ${ui.cards}`}>
            <caption className="visually-hidden">{file.name}的发展步骤，按日期排列</caption>
            <thead>
              <tr>
                <th scope="col">步骤</th>
                <th scope="col">日期</th>
                <th scope="col">决定机构</th>
                <th scope="col">适用规则</th>
                <th scope="col">说明</th>
                <th scope="col">记录人</th>
              </tr>
            </thead>
            <tbody>
              {file.steps.map((s) => (
                <tr key={s.id}>
                  <td>{stepLabel(s.step, s.toStage)}</td>
                  <td data-label="日期">
                    {s.decidedOn}
                    {s.writtenOn !== s.decidedOn ? <span className={ui.muted}>（原录入 {s.writtenOn}，已补正：{s.correctionReason}）</span> : null}
                  </td>
                  <td data-label="决定机构">{bodyLabels[s.decidingBody]}</td>
                  <td data-label="适用规则">{s.ruleSetName ?? '—'}</td>
                  <td data-label="说明">{s.note ?? '—'}</td>
                  <td data-label="记录人">{s.createdByName ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="next-heading">
        <h2 id="next-heading">下一步</h2>
        {file.offered.length === 0 ? <p className={ui.panel}>该档案已结束，没有可进行的步骤。</p> : null}
        <ul>
          {file.offered.map((o) => (
            <li key={o.step}>
              {steps[o.step].label}：{o.allowed ? '今天可以进行' : <span className={styles.refused}>暂不能进行——{o.reason}</span>}
            </li>
          ))}
        </ul>
        {file.canWrite && allowed.length > 0 ? (
          <StepForm personId={file.personId} version={file.version} allowed={allowed} introducerOptions={file.introducerOptions} trainingOptions={file.trainingOptions} today={today} />
        ) : null}
      </section>
      {file.canCorrect ? (
        <section aria-labelledby="correct-heading">
          <h2 id="correct-heading">补正步骤日期</h2>
          <p className={ui.muted}>已记录的步骤不能修改或删除；日期录错时在此补正，原录入日期和理由保留在步骤记录中。</p>
          <CorrectionForm
            personId={file.personId}
            version={file.version}
            today={today}
            options={file.steps.filter((s) => correctable(s.step)).map((s) => ({ id: s.id, label: `${stepLabel(s.step, s.toStage)}（${s.decidedOn}）` }))}
          />
        </section>
      ) : null}
    </>
  );
}

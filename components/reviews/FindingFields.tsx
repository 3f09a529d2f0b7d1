import { Field } from '@/components/forms/Field';
import { findingCategoryLabels } from '@/lib/reviews/labels';
import { findingCategories } from '@/lib/reviews/types';

type Props = { values: Record<string, string>; errors: Record<string, string[] | undefined>; defaultDueOn: string };

/** A finding's category, comment and due date: the same fields on a record's review and an inspection. */
export function FindingFields({ values, errors, defaultDueOn }: Props) {
  return (
    <>
      <Field name="category" label="问题类别" errors={errors.category}>
        <select
          // React applies a select's defaultValue only on mount: remount with the submitted
          // category so the form reset after a refused submit keeps it.
          key={values.category ?? ''}
          id="field-category"
          name="category"
          defaultValue={values.category ?? ''}
          aria-invalid={errors.category ? true : undefined}
          aria-describedby={errors.category ? 'field-category-error' : undefined}
        >
          <option value="">请选择</option>
          {findingCategories.map((c) => (
            <option key={c} value={c}>
              {findingCategoryLabels[c]}
            </option>
          ))}
        </select>
      </Field>
      <Field name="comment" label="问题说明" errors={errors.comment}>
        <textarea id="field-comment" name="comment" defaultValue={values.comment ?? ''} aria-invalid={errors.comment ? true : undefined} aria-describedby={errors.comment ? 'field-comment-error' : undefined} />
      </Field>
      <Field name="dueOn" label="整改期限" type="date" hint="默认为按规则计算的期限，可修改；不能早于今天。" defaultValue={values.dueOn ?? defaultDueOn} errors={errors.dueOn} />
    </>
  );
}

'use server';

import { defineAction } from '@/lib/actions/define-action';
import { revalidateWholeSite } from '@/lib/news/revalidate';
import { createColumn, deleteColumn, moveColumn, setColumnVisible, updateColumn } from './commands';
import { createColumnSchema, deleteColumnSchema, moveColumnSchema, setColumnVisibleSchema, updateColumnSchema } from './schemas';

// The column navigation sits in the layout of every public page (and deleting one moves its
// articles), so every column change drops the whole cache, the admin pages included.
const revalidate = () => revalidateWholeSite();

export const createColumnAction = defineAction({
  permission: 'columns.manage',
  schema: createColumnSchema,
  run: createColumn,
  revalidate,
  redirectTo: (_input, column) => `/admin/columns/${column.id}?created=1`,
});

export const updateColumnAction = defineAction({
  permission: 'columns.manage',
  schema: updateColumnSchema,
  run: updateColumn,
  revalidate,
  successMessage: '栏目已保存。',
});

export const moveColumnAction = defineAction({
  permission: 'columns.manage',
  schema: moveColumnSchema,
  run: moveColumn,
  revalidate,
  successMessage: (r) => `已将“${r.name}”${r.direction === 'up' ? '上移' : '下移'}一位。`,
});

export const setColumnVisibleAction = defineAction({
  permission: 'columns.manage',
  schema: setColumnVisibleSchema,
  run: setColumnVisible,
  revalidate,
  successMessage: (c) => (c.visible ? `“${c.name}”已在门户显示。` : `“${c.name}”已隐藏：不再出现在门户导航和首页，其文章仍可通过原地址访问。`),
});

export const deleteColumnAction = defineAction({
  permission: 'columns.manage',
  schema: deleteColumnSchema,
  run: deleteColumn,
  revalidate,
  redirectTo: (_input, r) => `/admin/columns?deleted=${r.moved > 0 ? 'moved' : '1'}`,
});

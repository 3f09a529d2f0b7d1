'use client';

import Image from '@tiptap/extension-image';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import { type Editor, EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { type MouseEvent, useId, useState } from 'react';
import type { RichTextNode } from '@/lib/articles/types';
import { cleanPastedHtml } from '@/lib/articles/paste';
import type { PickedMedia } from '@/lib/media/types';
import { MediaPicker } from '@/components/media/MediaPicker';
import styles from './editor.module.css';

// The body editor. It edits the same structure the server's allow-list accepts (lib/articles/
// body.ts): headings 2–4, bold, italic, links, lists, quotes, images with alt text and caption,
// tables, rules. Everything else Word or a web page brings along is dropped on paste.

/** Images carry their alt text, a caption and the media library id (for "is it used?"). */
const BodyImage = Image.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      caption: { default: null, parseHTML: (el) => el.getAttribute('data-caption'), renderHTML: (a) => (a.caption ? { 'data-caption': a.caption, title: a.caption } : {}) },
      mediaId: { default: null, parseHTML: (el) => Number(el.getAttribute('data-media-id')) || null, renderHTML: (a) => (a.mediaId ? { 'data-media-id': a.mediaId } : {}) },
    };
  },
});

const SAFE_LINK = /^(https?:\/\/|mailto:|\/(?!\/))/i;

export function RichTextEditor({ initial, labelId, invalid, describedBy, onChange, onReady }: {
  initial: RichTextNode;
  labelId: string;
  invalid?: boolean;
  describedBy?: string;
  onChange: () => void;
  onReady: (editor: Editor) => void;
}) {
  const editor = useEditor({
    immediatelyRender: false,
    extensions: [
      StarterKit.configure({
        code: false,
        codeBlock: false,
        strike: false,
        underline: false,
        heading: { levels: [2, 3, 4] },
        link: { openOnClick: false, autolink: true, protocols: ['mailto'], isAllowedUri: (url) => SAFE_LINK.test(url) },
      }),
      BodyImage.configure({ inline: false, allowBase64: false }),
      Table.configure({ resizable: false }),
      TableRow,
      TableHeader,
      TableCell,
    ],
    content: initial,
    editorProps: {
      attributes: {
        'aria-labelledby': labelId,
        'aria-multiline': 'true',
        role: 'textbox',
        class: styles.prose ?? '',
        ...(invalid ? { 'aria-invalid': 'true' } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      },
      transformPastedHTML: cleanPastedHtml,
    },
    onCreate: ({ editor: created }) => onReady(created),
    onUpdate: () => onChange(),
  });

  return (
    <div className={styles.richText}>
      {editor && <Toolbar editor={editor} />}
      <EditorContent editor={editor} />
    </div>
  );
}

function Toolbar({ editor }: { editor: Editor }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      link: e.isActive('link'),
      table: e.isActive('table'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const [panel, setPanel] = useState<'link' | 'image' | null>(null);
  const [picked, setPicked] = useState<PickedMedia | null>(null);
  const chain = () => editor.chain().focus();

  // A pointer press on a tool keeps the focus (and the selection) in the body: the command then
  // runs on a focused editor at once, and the next keystroke lands in the text. Without this the
  // button takes the focus and the editor gets it back a frame later, so a fast typist's first
  // character went nowhere. Keyboard users still reach the tools with Tab; `focus()` returns them.
  const keepFocus = (event: MouseEvent) => event.preventDefault();
  const toggle = (label: string, pressed: boolean, run: () => void) => (
    <button type="button" aria-pressed={pressed} onMouseDown={keepFocus} onClick={run} className={styles.tool}>
      {label}
    </button>
  );
  const plain = (label: string, run: () => void, disabled = false) => (
    <button type="button" onMouseDown={keepFocus} onClick={run} disabled={disabled} className={styles.tool}>
      {label}
    </button>
  );

  return (
    <>
      <div role="toolbar" aria-label="正文格式" className={styles.toolbar}>
        {toggle('二级标题', state.h2, () => chain().toggleHeading({ level: 2 }).run())}
        {toggle('三级标题', state.h3, () => chain().toggleHeading({ level: 3 }).run())}
        {toggle('加粗', state.bold, () => chain().toggleBold().run())}
        {toggle('倾斜', state.italic, () => chain().toggleItalic().run())}
        {toggle('无序列表', state.bullet, () => chain().toggleBulletList().run())}
        {toggle('有序列表', state.ordered, () => chain().toggleOrderedList().run())}
        {toggle('引用', state.quote, () => chain().toggleBlockquote().run())}
        {toggle('链接', state.link, () => setPanel(panel === 'link' ? null : 'link'))}
        {plain('插入图片', () => setPanel('image'))}
        {state.table
          ? plain('删除表格', () => chain().deleteTable().run())
          : plain('插入表格', () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run())}
        {state.table && plain('添加行', () => chain().addRowAfter().run())}
        {state.table && plain('添加列', () => chain().addColumnAfter().run())}
        {plain('撤销', () => chain().undo().run(), !state.canUndo)}
        {plain('重做', () => chain().redo().run(), !state.canRedo)}
      </div>
      {panel === 'link' && <LinkPanel editor={editor} onDone={() => setPanel(null)} />}
      <MediaPicker
        open={panel === 'image' && !picked}
        onClose={() => setPanel(null)}
        onSelect={(media) => setPicked(media)}
      />
      {picked && (
        <ImagePanel
          media={picked}
          onCancel={() => {
            setPicked(null);
            setPanel(null);
          }}
          onInsert={(alt, caption) => {
            chain()
              .insertContent({ type: 'image', attrs: { src: picked.url, alt, caption: caption || null, mediaId: picked.id } })
              .run();
            setPicked(null);
            setPanel(null);
          }}
        />
      )}
    </>
  );
}

function LinkPanel({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const id = useId();
  const [href, setHref] = useState<string>(() => (editor.getAttributes('link').href as string | undefined) ?? '');
  const [error, setError] = useState('');
  const apply = () => {
    const value = href.trim();
    if (!value) {
      editor.chain().focus().extendMarkRange('link').unsetLink().run();
      return onDone();
    }
    if (!SAFE_LINK.test(value)) return setError('链接须以 http://、https://、mailto: 或 / 开头。');
    editor.chain().focus().extendMarkRange('link').setLink({ href: value }).run();
    onDone();
  };
  return (
    <div className={styles.panel}>
      <label htmlFor={`${id}-href`}>链接地址</label>
      <input
        id={`${id}-href`}
        value={href}
        autoFocus
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setHref(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            apply();
          } else if (e.key === 'Escape') onDone();
        }}
        placeholder="https://"
      />
      <PanelEnd confirm="确定" onConfirm={apply} onCancel={onDone} errorId={`${id}-error`} error={error} />
    </div>
  );
}

function ImagePanel({ media, onInsert, onCancel }: { media: PickedMedia; onInsert: (alt: string, caption: string) => void; onCancel: () => void }) {
  const id = useId();
  const [alt, setAlt] = useState(media.alt);
  const [caption, setCaption] = useState(media.caption ?? '');
  const [error, setError] = useState('');
  return (
    <div className={styles.panel} role="group" aria-label="插入图片">
      {/* eslint-disable-next-line @next/next/no-img-element -- a thumbnail of the chosen library image */}
      <img src={media.url} alt="" className={styles.thumb} />
      <label htmlFor={`${id}-alt`}>替代文字（供视障读者）</label>
      <input id={`${id}-alt`} value={alt} autoFocus maxLength={200} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => setAlt(e.target.value)} />
      <label htmlFor={`${id}-caption`}>图片说明</label>
      <input id={`${id}-caption`} value={caption} maxLength={300} onChange={(e) => setCaption(e.target.value)} />
      <PanelEnd
        confirm="插入"
        onConfirm={() => (alt.trim() ? onInsert(alt.trim(), caption.trim()) : setError('请填写替代文字，说明图片内容。'))}
        onCancel={onCancel}
        errorId={`${id}-error`}
        error={error}
      />
    </div>
  );
}

/** A panel's confirm and cancel buttons, then its error (announced, tied to the input). */
function PanelEnd({ confirm, onConfirm, onCancel, errorId, error }: { confirm: string; onConfirm: () => void; onCancel: () => void; errorId: string; error: string }) {
  return (
    <>
      <button type="button" className="button" onClick={onConfirm}>
        {confirm}
      </button>
      <button type="button" className="button secondary" onClick={onCancel}>
        取消
      </button>
      {error && (
        <p id={errorId} className={styles.panelError} role="alert">
          {error}
        </p>
      )}
    </>
  );
}

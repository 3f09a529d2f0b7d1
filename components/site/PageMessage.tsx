/** Full-page message for 404s and errors, with a way back (a plain link: home is a public page). */
export function PageMessage({ title, text, action }: { title: string; text: string; action?: React.ReactNode }) {
  return (
    <div className="page-message">
      <h1>{title}</h1>
      <p>{text}</p>
      {action ?? (
        <a className="button" href="/">
          返回首页
        </a>
      )}
    </div>
  );
}

export default function Loading() {
  return (
    <p className="loading" role="status">
      正在加载…
    </p>
  );
}

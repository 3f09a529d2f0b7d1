export default function AdminLoading() {
  return (
    <p className="loading" role="status">
      正在加载…
    </p>
  );
}

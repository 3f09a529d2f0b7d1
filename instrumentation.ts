export async function register() {
  // The database lives in the Node.js runtime only; the edge bundle drops this branch.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { bootDatabase } = await import('./tasks/boot');
    await bootDatabase();
  }
}

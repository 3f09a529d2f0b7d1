import { notFound } from 'next/navigation';

// The signed-in area opens with sign-in and permissions; until then it exposes nothing.
export default function AdminHome() {
  notFound();
}

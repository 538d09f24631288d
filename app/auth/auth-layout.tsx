import { Link } from '@remix-run/react'

export function AuthLayout({ title, children, footer }: { title: string; children: React.ReactNode; footer: React.ReactNode }) {
  return (
    <main className="flex min-h-full flex-col items-center justify-center px-4 py-12">
      <Link to="/" className="mb-8 flex items-center gap-2 text-lg font-semibold">
        <img src="/favicon.svg" alt="" className="h-8 w-8" /> Splitform
      </Link>
      <div className="w-full max-w-sm rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h1 className="mb-5 text-xl font-semibold">{title}</h1>
        {children}
      </div>
      <p className="mt-6 text-sm text-slate-600">{footer}</p>
    </main>
  )
}

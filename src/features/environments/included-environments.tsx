import { Link } from 'react-router'
import { environmentPath } from '@/lib/app-paths'

/** The environments a logical environment includes, each a link, comma-separated. */
export function IncludedEnvironments({
  org,
  names,
}: {
  org: string
  names: ReadonlyArray<string>
}) {
  return names.map((name, position) => (
    <span key={name}>
      {position > 0 ? ', ' : null}
      <Link to={environmentPath(org, name)} className="text-accent hover:underline">
        {name}
      </Link>
    </span>
  ))
}

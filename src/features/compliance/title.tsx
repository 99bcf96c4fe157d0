import { createContext, useContext, type ReactNode } from 'react'

/**
 * Explanations are headed sections on a page, but inside a why-panel they sit wherever the
 * badge is (next to an h1, in a table cell), where a heading would break the page's outline.
 * There, the panel's label names it and titles are plain bold text.
 */
const InWhyPanel = createContext(false)

export function WhyPanelScope({ children }: { children: ReactNode }) {
  return <InWhyPanel.Provider value={true}>{children}</InWhyPanel.Provider>
}

export function Title({
  level,
  className,
  children,
}: {
  level: 2 | 3 | 4
  className?: string
  children: ReactNode
}) {
  const inPanel = useContext(InWhyPanel)
  if (inPanel) return <p className={className}>{children}</p>
  const Heading = `h${level}` as 'h2' | 'h3' | 'h4'
  return <Heading className={className}>{children}</Heading>
}

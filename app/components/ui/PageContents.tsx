/** Links to the sections of a long page, under its heading: coordinators come back for one part of it. */
export function PageContents({ label, sections }: { label: string; sections: { id: string; label: string }[] }) {
  return (
    <nav aria-label={label}>
      <ul className="page-contents">
        {sections.map((section) => (
          <li key={section.id}>
            <a href={`#${section.id}`}>{section.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

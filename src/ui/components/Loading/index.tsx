import './style.css';

/** A quiet placeholder while a chunk or data loads; announced once by screen readers. */
export function Loading({ label }: { label: string }) {
  return (
    <p class="loading" role="status">
      {label}
    </p>
  );
}

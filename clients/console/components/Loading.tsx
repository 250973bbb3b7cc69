import type { ComponentChildren } from 'preact';
import type { Async } from '../lib/use-async.js';

/** What an answer shows while it loads, when it failed (the API's message), and when it came. */
export function Loaded<T>({ result, children }: { result: Async<T>; children: (data: T) => ComponentChildren }) {
  if (result.state === 'loading') return <p aria-busy="true">正在读取…</p>;
  if (result.state === 'failed')
    return (
      <p role="alert" class="error">
        读取失败：{result.message}
      </p>
    );
  return <>{children(result.data)}</>;
}

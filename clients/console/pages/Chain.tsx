import { useState } from 'preact/hooks';
import { ConsoleVerifyChainDocument, type ConsoleVerifyChainQuery } from '../generated/graphql.js';
import { run } from '../lib/api.js';

/** Chain verification (auditors): re-computes every hash of the access log on request. */
export function Chain() {
  const [result, setResult] = useState<ConsoleVerifyChainQuery['verifyAccessLog'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult((await run(ConsoleVerifyChainDocument, {})).verifyAccessLog);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h1>日志链校验</h1>
      <p>重新计算访问日志每一条记录的哈希，检查是否被修改、删除或调换顺序。</p>
      <button type="button" onClick={() => void verify()} disabled={busy}>
        {busy ? '校验中…' : '开始校验'}
      </button>
      {error && (
        <p role="alert" class="error">
          校验失败：{error}
        </p>
      )}
      {result && (
        <dl class="kpis" data-chain={result.ok ? 'ok' : 'broken'} aria-live="polite">
          <div>
            <dt>结果</dt>
            <dd>{result.ok ? '完整' : '已被篡改'}</dd>
          </div>
          <div>
            <dt>记录数</dt>
            <dd data-figure="entries">{result.entries}</dd>
          </div>
          <div>
            <dt>链头序号</dt>
            <dd>{result.headSeq}</dd>
          </div>
          <div>
            <dt>链头哈希</dt>
            <dd>
              <code>{result.headHash}</code>
            </dd>
          </div>
          {result.firstBad && (
            <div>
              <dt>首个问题</dt>
              <dd>
                第 {result.firstBad.seq} 条：{result.firstBad.problem}（{result.firstBad.detail}）
              </dd>
            </div>
          )}
        </dl>
      )}
    </>
  );
}

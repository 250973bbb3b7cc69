/** The console's one HTML page: every path under /console is this page, and the bundle routes it. */
export const CONSOLE_PAGE = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>政务数据控制台</title>
    <link rel="stylesheet" href="/console/console.css" />
    <script type="module" src="/console/app.js"></script>
  </head>
  <body>
    <div id="app"><p>正在加载控制台…</p></div>
    <noscript>控制台需要启用 JavaScript。</noscript>
  </body>
</html>
`;

/** Only this origin's own files and API: nothing is loaded from anywhere else, nothing inline runs. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

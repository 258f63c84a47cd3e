-- Headless Neovim (>= 0.7, Debian's is 0.7.2) as a second real LSP client for
-- `kinesis-lint --stdio`: diagnostics, hover, the preferred quick fix, applying it, and the
-- warning clearing afterwards. Nothing is saved.
-- Usage: LSP_CMD_JSON='["node","/abs/server/out/cli/main.js","--stdio"]' TF_FILE=/abs/ws/main.tf \
--        EXPECT_JSON=/abs/test/e2e/fixtures/telemetry-pipeline.json nvim --headless --clean -n -c 'luafile lsp-client.lua'
-- Prints PASS/FAIL lines and "N passed, N failed" last; exits 0 only if all pass.

local function out(s) io.stdout:write(s .. '\n') io.stdout:flush() end
local passed, failed = 0, 0
local function check(name, ok, detail)
  if ok then passed = passed + 1 else failed = failed + 1 end
  out(string.format('%s %s%s', ok and 'PASS' or 'FAIL', name, detail and (': ' .. tostring(detail)) or ''))
  return ok
end
local function finish()
  out(string.format('%d passed, %d failed', passed, failed))
  vim.cmd(failed == 0 and 'qall!' or 'cquit 1')
end
local function contains_all(text, parts)
  for _, p in ipairs(parts) do
    if not text:find(p, 1, true) then return false end
  end
  return true
end
local function fmt_range(r)
  return string.format('%d:%d-%d:%d', r.start.line, r.start.character, r['end'].line, r['end'].character)
end
local function collapse(s) return (s:gsub('^%s+', ''):gsub('%s+$', ''):gsub('%s+', ' ')) end

local function main()
  local function env(name) return (assert(os.getenv(name), 'set ' .. name)) end
  local server_cmd = vim.fn.json_decode(env('LSP_CMD_JSON'))
  local file = env('TF_FILE')
  local expected = vim.fn.json_decode(table.concat(vim.fn.readfile(env('EXPECT_JSON')), '\n'))
  -- Generous for a cold 2-core machine (the first hcl2json parse alone takes ~0.5 s).
  local timeout = tonumber(os.getenv('LSP_TIMEOUT_MS') or '20000')

  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  local latest -- the last diagnostics the server published for this file, in LSP form
  local client_id = vim.lsp.start_client({
    name = 'kinesis-lint',
    cmd = server_cmd,
    root_dir = vim.fn.fnamemodify(file, ':p:h'),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        if result and result.uri == uri then latest = result.diagnostics end
        return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      end,
    },
    on_exit = function(code) if code ~= 0 then out('server exited with ' .. code) end end,
  })
  if not check('start_client', client_id ~= nil) then return finish() end
  vim.lsp.buf_attach_client(bufnr, client_id)

  local function rule_diagnostic()
    for _, d in ipairs(latest or {}) do
      if d.code == expected.ruleId then return d end
    end
  end

  local seen = vim.wait(timeout, function() return rule_diagnostic() ~= nil end, 50)
  local diag = rule_diagnostic()
  local severity_warning = 2 -- LSP DiagnosticSeverity.Warning
  check('diagnostics', seen and diag and fmt_range(diag.range) == fmt_range(expected.range)
    and diag.source == expected.source and diag.severity == severity_warning,
    diag and string.format('%s %s [%s] severity %s', fmt_range(diag.range), tostring(diag.code), tostring(diag.source), tostring(diag.severity))
      or string.format('no %s within %d ms (got %d diagnostics)', expected.ruleId, timeout, #(latest or {})))
  if not diag then
    vim.lsp.stop_client(client_id)
    return finish()
  end

  local function request(method, params)
    local res = vim.lsp.buf_request_sync(bufnr, method, params, timeout) or {}
    local r = res[client_id]
    if r and r.err then out(method .. ' error: ' .. vim.inspect(r.err)) end
    return r and r.result
  end

  local hover = request('textDocument/hover', { textDocument = { uri = uri }, position = expected.hoverPosition })
  local htext = ''
  if hover and hover.contents then
    local c = hover.contents
    if type(c) == 'string' then htext = c
    elseif c.value then htext = c.value
    else htext = table.concat(vim.tbl_map(function(x) return type(x) == 'string' and x or x.value end, c), '\n') end
  end
  check('hover', contains_all(htext, expected.hoverContains) and htext:find('%$%d') ~= nil, htext:gsub('\n', ' '):sub(1, 160))

  local actions = request('textDocument/codeAction', {
    textDocument = { uri = uri },
    range = diag.range,
    context = { diagnostics = { diag }, only = { 'quickfix' } },
  }) or {}
  local fix
  for _, a in ipairs(actions) do
    if a.title == expected.fixTitle then fix = a end
  end
  -- A server may leave the edit to codeAction/resolve; nvim 0.7 does not resolve by itself.
  if fix and not fix.edit then fix = request('codeAction/resolve', fix) or fix end
  check('codeAction', fix ~= nil and fix.isPreferred == true and fix.edit ~= nil,
    table.concat(vim.tbl_map(function(a) return a.title .. (a.isPreferred and ' (preferred)' or '') end, actions), ' | '))

  if fix and fix.edit then
    vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
    local line = vim.api.nvim_buf_get_lines(bufnr, expected.range.start.line, expected.range.start.line + 1, false)[1]
    check('applyEdit', collapse(line) == expected.fixedLine, line)
    -- The buffer change reaches the server as didChange; it should republish without the warning.
    local cleared = vim.wait(timeout, function() return latest ~= nil and rule_diagnostic() == nil end, 50)
    check('diagnostic cleared after the fix', cleared, (not cleared) and 'still published' or nil)
  else
    check('applyEdit', false, 'no edit to apply')
  end

  vim.lsp.stop_client(client_id)
  finish()
end

-- A script error must still end nvim (headless nvim would otherwise wait for input until killed).
local ok, err = pcall(main)
if not ok then
  check('script error', false, err)
  finish()
end

-- Drives the Goalpost language server from headless Neovim (0.7 and later) through the README's
-- configuration for Neovim 0.7-0.10 (init-0.7.lua, which the test checks is the README's text), and writes
-- what Neovim saw to a JSON file for the mocha test (test/lsp/neovim.test.ts). Run in the workspace folder as:
--   nvim --headless -u NONE -i NONE -n -c 'luafile driver.lua'
-- with GOALPOST_CONFIG, GOALPOST_FILE and GOALPOST_OUT in the environment and goalpost-language-server on PATH.
-- vim.wait processes Neovim's event loop until the condition holds (or the bound passes): it waits on
-- the server's messages, it does not sleep a fixed time.

local env = vim.env
local out = {}
local TIMEOUT = 15000

local function write_out()
  local file = assert(io.open(env.GOALPOST_OUT, 'w'))
  file:write(vim.json.encode(out))
  file:close()
end

local function wait_for(what, condition)
  if not vim.wait(TIMEOUT, condition, 20) then error('timed out waiting for ' .. what) end
end

-- The 0-based position of the first `needle` on the buffer's lines, plus `offset` characters.
local function position_of(bufnr, needle, offset)
  for line, text in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local column = text:find(needle, 1, true)
    if column then return { line = line - 1, character = column - 1 + (offset or 0) } end
  end
  error('not in the buffer: ' .. needle)
end

local function run()
  local registrations = 0
  local messages = {}
  local exit_code
  -- Observe, without changing what the configuration does: registrations (Neovim 0.7 warns when a server
  -- registers what it said it cannot register dynamically), messages, and the server's exit code.
  vim.lsp.handlers['client/registerCapability'] = function()
    registrations = registrations + 1
    return vim.NIL
  end
  vim.lsp.handlers['window/showMessage'] = function(_, result)
    table.insert(messages, result.message)
  end
  local start_client = vim.lsp.start_client
  vim.lsp.start_client = function(config)
    config.on_exit = function(code) exit_code = code end
    return start_client(config)
  end
  vim.cmd('luafile ' .. vim.fn.fnameescape(env.GOALPOST_CONFIG))
  vim.cmd('edit ' .. vim.fn.fnameescape(env.GOALPOST_FILE))
  local bufnr = vim.api.nvim_get_current_buf()
  -- A buffer's clients are listed once they have initialized.
  wait_for('the configuration to start a client for the goals file', function() return next(vim.lsp.buf_get_clients(bufnr)) ~= nil end)
  local client_id = next(vim.lsp.buf_get_clients(bufnr))
  local client = vim.lsp.get_client_by_id(client_id)
  wait_for('initialization', function() return client.initialized end)
  out.serverName = client.name

  -- Diagnostics, as Neovim shows them.
  wait_for('diagnostics', function() return #vim.diagnostic.get(bufnr) > 0 end)
  out.diagnostics = {}
  for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(out.diagnostics, {
      line = diagnostic.lnum,
      col = diagnostic.col,
      severity = diagnostic.severity,
      message = diagnostic.message,
      code = diagnostic.user_data and diagnostic.user_data.lsp and diagnostic.user_data.lsp.code or vim.NIL,
    })
  end

  local uri = vim.uri_from_bufnr(bufnr)
  local function request(method, params)
    local response = client.request_sync(method, params, TIMEOUT, bufnr)
    assert(response and not response.err, method .. ' failed: ' .. vim.inspect(response))
    return response.result
  end

  -- Hover on the goal's id.
  local hover = request('textDocument/hover', { textDocument = { uri = uri }, position = position_of(bufnr, 'ig-traffic', 1) })
  out.hover = hover and hover.contents or vim.NIL

  -- Go to definition of an objective defined in the other (unopened) file.
  out.definition = request('textDocument/definition', { textDocument = { uri = uri }, position = position_of(bufnr, 'grow-online-revenue', 1) })

  -- The quick fixes for the unknown reference, with the diagnostics Neovim holds at that line.
  local at = position_of(bufnr, 'grow-online-revenu]', 1)
  local line_diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, at.line)
  local actions = request('textDocument/codeAction', {
    textDocument = { uri = uri },
    range = { start = at, ['end'] = at },
    context = { diagnostics = line_diagnostics },
  }) or {}
  out.codeActions = {}
  for _, action in ipairs(actions) do
    table.insert(out.codeActions, { title = action.title, kind = action.kind or vim.NIL, edit = action.edit or vim.NIL })
  end
  -- Apply the first quick fix as `vim.lsp.buf.code_action` would, and keep the buffer's line.
  local fix = actions[1]
  if fix and fix.edit then
    vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
    out.fixedLine = vim.api.nvim_buf_get_lines(bufnr, at.line, at.line + 1, false)[1]
  end

  -- Code lenses, as the configuration refreshes them, run through Neovim's own code lens module.
  wait_for('code lenses', function() return #vim.lsp.codelens.get(bufnr) > 0 end)
  out.codeLenses = {}
  for _, lens in ipairs(vim.lsp.codelens.get(bufnr)) do
    table.insert(out.codeLenses, { line = lens.range.start.line, title = lens.command and lens.command.title or vim.NIL, command = lens.command and lens.command.command or vim.NIL })
  end
  -- vim.lsp.codelens.run() on the lens's line, as a user would: Neovim runs only commands the server declares.
  local lens = vim.lsp.codelens.get(bufnr)[1]
  vim.api.nvim_win_set_cursor(0, { lens.range.start.line + 1, 0 })
  vim.lsp.codelens.run()
  wait_for('the message of the lens command', function() return #messages > 0 end)
  out.messages = messages

  out.registrations = registrations
  vim.lsp.stop_client(client_id)
  wait_for('the server to exit', function() return exit_code ~= nil end)
  out.exitCode = exit_code
end

local ok, err = pcall(run)
if not ok then out.error = tostring(err) end
write_out()
vim.cmd(ok and 'qa!' or 'cquit!')

-- pagelint's language server in Neovim's built-in LSP client (0.7 and later):
-- findings as you type, quick fixes (vim.lsp.buf.code_action), hover
-- (vim.lsp.buf.hover) and completion (omnifunc, or any completion plugin).
--
-- Copy this file to ~/.config/nvim/lua/pagelint_lsp.lua, then in init.lua:
--
--   require('pagelint_lsp').setup()
--
-- It starts `pagelint server` for Markdown buffers inside a Hugo site (the
-- first folder above the file with hugo.*, config.*, config/_default/ or
-- pagelint.toml), one server per site. Options:
--   cmd        the command (default { 'pagelint', 'server' })
--   filetypes  (default { 'markdown' })
--   on_attach  function(client, bufnr), e.g. to map keys
--   on_exit    function(code, signal, client_id)
local M = {}

local markers = {
  'hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json',
  'config.toml', 'config.yaml', 'config.yml', 'config.json',
  'config/_default', 'pagelint.toml', '.pagelint.toml',
}

-- The site root above `path`, or nil (no server outside a site).
function M.root(path)
  local dir = vim.fn.fnamemodify(path, ':p:h')
  while true do
    for _, m in ipairs(markers) do
      if vim.loop.fs_stat(dir .. '/' .. m) then
        return dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then
      return nil
    end
    dir = parent
  end
end

local clients = {} -- root -> client id (Neovim 0.7, which has no vim.lsp.start)

function M.attach(bufnr, opts)
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == '' then
    return
  end
  local root = M.root(name)
  if not root then
    return
  end
  local config = {
    name = 'pagelint',
    cmd = opts.cmd or { 'pagelint', 'server' },
    root_dir = root,
    on_attach = function(client, b)
      -- Completion with <C-x><C-o> when no completion plugin is installed.
      vim.api.nvim_buf_set_option(b, 'omnifunc', 'v:lua.vim.lsp.omnifunc')
      if opts.on_attach then
        opts.on_attach(client, b)
      end
    end,
    on_exit = function(code, signal, client_id)
      clients[root] = nil
      if opts.on_exit then
        opts.on_exit(code, signal, client_id)
      end
    end,
  }
  if vim.lsp.start then -- Neovim 0.8 and later reuse a running client
    vim.lsp.start(config, { bufnr = bufnr })
    return
  end
  local id = clients[root]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client(config)
    clients[root] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
end

function M.setup(opts)
  opts = opts or {}
  local group = vim.api.nvim_create_augroup('pagelint_lsp', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = opts.filetypes or { 'markdown' },
    callback = function(args)
      M.attach(args.buf, opts)
    end,
  })
end

return M

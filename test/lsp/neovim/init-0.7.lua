local capabilities = vim.lsp.protocol.make_client_capabilities()
-- 0.9 and 0.10: let the server watch goal files that are not open (0.7 and 0.8 cannot).
capabilities.workspace.didChangeWatchedFiles = { dynamicRegistration = vim.fn.has('nvim-0.9') == 1 }
local goalpost
vim.api.nvim_create_autocmd({ 'BufReadPost', 'BufNewFile' }, {
  pattern = { '*.goals.yaml', '*.goals.yml' },
  callback = function(args)
    goalpost = goalpost or vim.lsp.start_client({
      name = 'goalpost',
      cmd = { 'goalpost-language-server', '--stdio' },
      root_dir = vim.fn.getcwd(),
      capabilities = capabilities,
      settings = { goalpost = { today = '' } },
      -- Code lenses (each goal's progress), refreshed once the server has started, then as you edit;
      -- run one with vim.lsp.codelens.run(). A refresh before the server is ready would block later ones.
      on_attach = function(_, bufnr)
        vim.lsp.codelens.refresh()
        vim.api.nvim_create_autocmd({ 'BufEnter', 'InsertLeave', 'BufWritePost' }, {
          buffer = bufnr,
          callback = function() vim.lsp.codelens.refresh() end,
        })
      end,
    })
    vim.lsp.buf_attach_client(args.buf, goalpost)
  end,
})

-- mapguard-clangd for C and C++ buffers, with Neovim's built-in LSP client
-- (Neovim 0.7 and later).
vim.api.nvim_create_autocmd("FileType", {
  pattern = { "c", "cpp" },
  callback = function(args)
    local dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ":p:h")
    local marker = vim.fn.findfile(".clang-tidy", dir .. ";")
    local client = vim.lsp.start_client({
      name = "mapguard-clangd",
      cmd = { "mapguard-clangd" },
      root_dir = marker ~= "" and vim.fn.fnamemodify(marker, ":p:h") or dir,
    })
    vim.lsp.buf_attach_client(args.buf, client)
  end,
})

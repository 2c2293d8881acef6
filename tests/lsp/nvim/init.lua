vim.filetype.add({ extension = { facts = "facts" } })
vim.api.nvim_create_autocmd("FileType", {
  pattern = { "markdown", "text", "facts" },
  callback = function(args)
    vim.lsp.start({
      name = "factlint",
      cmd = { vim.env.FACTLINT or "factlint", "lsp" },
      root_dir = vim.fs.root(args.buf, { "factlint.toml", "rules", ".git" }),
    })
  end,
})

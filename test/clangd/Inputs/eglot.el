;; mapguard-clangd for C and C++ buffers, with Eglot (Emacs 29, or the
;; elpa-eglot package on Emacs 28).
(require 'eglot)
(add-to-list 'eglot-server-programs
             '((c++-mode c-mode c++-ts-mode c-ts-mode) . ("mapguard-clangd")))
(add-hook 'c++-mode-hook #'eglot-ensure)
(add-hook 'c-mode-hook #'eglot-ensure)

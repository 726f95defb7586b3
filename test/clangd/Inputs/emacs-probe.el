;; Opens the file as a user would, waits for Eglot's diagnostics (what
;; Flymake shows once Emacs is idle, which it never is in --batch), writes
;; them out and quits.
(find-file "session.cpp")
(run-hooks 'post-command-hook)
(let ((deadline (+ (float-time) 60)))
  (while (and (< (float-time) deadline) (null eglot--diagnostics))
    (accept-process-output nil 0.2)))
(let ((diagnostics eglot--diagnostics))
  (with-temp-file "diagnostics.txt"
    (dolist (d diagnostics)
      (insert (format "%d: %s\n"
                      (with-current-buffer "session.cpp"
                        (line-number-at-pos (flymake-diagnostic-beg d)))
                      (car (split-string (flymake-diagnostic-text d) "\n")))))))
(kill-emacs 0)

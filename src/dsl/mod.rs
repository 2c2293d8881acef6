//! Rule-file syntax: a plain-data AST with spans, the nom parser and syntax errors.

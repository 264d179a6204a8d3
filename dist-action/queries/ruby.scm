; Definitions: a def is a method inside a class, module or `class << self`, and inside a block
; (Rails' `included do … end`, `Class.new do … end`); at the top of a file it is a function.
(program (method name: (_) @name) @definition.function)
(class body: (body_statement (method name: (_) @name) @definition.method))
(module body: (body_statement (method name: (_) @name) @definition.method))
(singleton_class body: (body_statement (method name: (_) @name) @definition.method))
(do_block body: (body_statement (method name: (_) @name) @definition.method))
(singleton_method name: (_) @name) @definition.method

(class name: [(constant) @name (scope_resolution name: (constant) @name)]) @definition.class
(module name: [(constant) @name (scope_resolution name: (constant) @name)]) @definition.module

; Ruby refuses a constant assignment inside a method, so every one is class or module level.
(assignment left: (constant) @name) @definition.constant
(assignment left: (scope_resolution name: (constant) @name)) @definition.constant
(assignment left: (left_assignment_list (constant) @name)) @definition.constant

; References: a bare identifier may be a local variable or a call, so only explicit calls count.
(call method: [(identifier) (constant)] @name) @reference.call

; Imports
(call
  !receiver
  method: (identifier) @_require
  arguments: (argument_list . (string . (string_content) @import.source .))
  (#any-of? @_require "require" "require_relative")) @import

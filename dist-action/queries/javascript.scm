; Definitions
(function_declaration name: (identifier) @name) @definition.function
(generator_function_declaration name: (identifier) @name) @definition.function
(class_declaration name: (identifier) @name) @definition.class
(method_definition name: [(property_identifier) (private_property_identifier)] @name) @definition.method

(lexical_declaration
  (variable_declarator
    name: (identifier) @name
    value: [(arrow_function) (function_expression) (generator_function)])) @definition.function
; Module-level constants only: locals inside functions are not part of any interface. A
; `require` call is an import, reported as one below.
(program (lexical_declaration
  "const"
  (variable_declarator
    name: (identifier) @name
    value: [(number) (string) (template_string) (true) (false) (object) (array) (regex) (binary_expression) (member_expression) (call_expression function: (_) @_callee) (new_expression)])) @definition.constant
  (#not-eq? @_callee "require"))
(export_statement declaration: (lexical_declaration
  "const"
  (variable_declarator
    name: (identifier) @name
    value: [(number) (string) (template_string) (true) (false) (object) (array) (regex) (binary_expression) (member_expression) (call_expression) (new_expression)]))) @definition.constant
(variable_declaration
  (variable_declarator
    name: (identifier) @name
    value: [(arrow_function) (function_expression)])) @definition.function

; exports.name = function () {}, obj.method = () => {}
(expression_statement
  (assignment_expression
    left: (member_expression property: (property_identifier) @name)
    right: [(function_expression) (arrow_function)])) @definition.function

(field_definition
  property: (property_identifier) @name
  value: [(arrow_function) (function_expression)]) @definition.method

; References
(call_expression function: (identifier) @name) @reference.call
(call_expression function: (member_expression property: (property_identifier) @name)) @reference.call
(new_expression constructor: (identifier) @name) @reference.call
(new_expression constructor: (member_expression property: (property_identifier) @name)) @reference.call

; Imports
; ES modules: one cheap pattern per statement; the names inside `{ … }`, `* as x` and default
; imports are read from the clause in code (a pattern per specifier shape costs a query pass each).
(import_statement
  (import_clause)? @import.clause
  source: (string (string_fragment) @import.source)) @import
; Re-exports make a module a barrel: importers of the barrel see the re-exported module's symbols.
(export_statement
  (export_clause)? @import.clause
  source: (string (string_fragment) @import.source)) @reexport
(variable_declarator
  name: (identifier) @import.namespace
  value: (call_expression
    function: (identifier) @_require
    arguments: (arguments . (string (string_fragment) @import.source)))
  (#eq? @_require "require")) @import
(variable_declarator
  name: (identifier) @import.alias
  value: (member_expression
    object: (call_expression
      function: (identifier) @_require
      arguments: (arguments . (string (string_fragment) @import.source)))
    property: (property_identifier) @import.name)
  (#eq? @_require "require")) @import
(variable_declarator
  name: (object_pattern
    [(shorthand_property_identifier_pattern) @import.name
     (pair_pattern key: (property_identifier) @import.name value: (identifier) @import.alias)])
  value: (call_expression
    function: (identifier) @_require
    arguments: (arguments . (string (string_fragment) @import.source)))
  (#eq? @_require "require")) @import

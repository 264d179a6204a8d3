; Definitions
(function_definition name: (name) @name) @definition.function
(class_declaration name: (name) @name) @definition.class
(interface_declaration name: (name) @name) @definition.interface
(trait_declaration name: (name) @name) @definition.interface
(enum_declaration name: (name) @name) @definition.enum
(method_declaration name: (name) @name) @definition.method
(namespace_definition name: (namespace_name) @name) @definition.module
(const_declaration (const_element (name) @name)) @definition.constant
(function_call_expression
  function: (name) @_define
  arguments: (arguments . (argument (string (string_content) @name)))
  (#eq? @_define "define")) @definition.constant

; References
(function_call_expression function: (name) @name) @reference.call
(function_call_expression function: (qualified_name (name) @name)) @reference.call
(member_call_expression name: (name) @name) @reference.call
(nullsafe_member_call_expression name: (name) @name) @reference.call
(scoped_call_expression name: (name) @name) @reference.call
(object_creation_expression (name) @name) @reference.call
(object_creation_expression (qualified_name (name) @name)) @reference.call

; Imports. `use App\Models\User;` has source App\Models\User and binds User; in a group
; (`use App\Services\{Mailer, Billing\Invoice}`) no node spells each name in full, so the
; source is the group's prefix and the bindings are the last segments.
(namespace_use_declaration
  (namespace_use_clause . [(name) @import.name (qualified_name (name) @import.name)] @import.source !alias)) @import
(namespace_use_declaration
  (namespace_use_clause
    .
    [(name) @import.name (qualified_name (name) @import.name)] @import.source
    alias: (name) @import.alias)) @import
(namespace_use_declaration
  (namespace_name) @import.source
  body: (namespace_use_group
    (namespace_use_clause . [(name) @import.name (qualified_name (name) @import.name)] alias: (name)? @import.alias))) @import

; require/include: the path as written; after `__DIR__ .`, the literal part from its slash.
(require_expression
  [
    (string (string_content) @import.source)
    (encapsed_string (string_content) @import.source)
    (parenthesized_expression [(string (string_content) @import.source) (encapsed_string (string_content) @import.source)])
    (binary_expression right: [(string (string_content) @import.source) (encapsed_string (string_content) @import.source)])
  ]) @import
(require_once_expression
  [
    (string (string_content) @import.source)
    (encapsed_string (string_content) @import.source)
    (parenthesized_expression [(string (string_content) @import.source) (encapsed_string (string_content) @import.source)])
    (binary_expression right: [(string (string_content) @import.source) (encapsed_string (string_content) @import.source)])
  ]) @import
(include_expression
  [
    (string (string_content) @import.source)
    (encapsed_string (string_content) @import.source)
    (parenthesized_expression [(string (string_content) @import.source) (encapsed_string (string_content) @import.source)])
    (binary_expression right: [(string (string_content) @import.source) (encapsed_string (string_content) @import.source)])
  ]) @import
(include_once_expression
  [
    (string (string_content) @import.source)
    (encapsed_string (string_content) @import.source)
    (parenthesized_expression [(string (string_content) @import.source) (encapsed_string (string_content) @import.source)])
    (binary_expression right: [(string (string_content) @import.source) (encapsed_string (string_content) @import.source)])
  ]) @import

; Definitions: a fn is a method inside an impl or trait, a function anywhere else.
(source_file (function_item name: (identifier) @name) @definition.function)
(mod_item body: (declaration_list (function_item name: (identifier) @name) @definition.function))
(block (function_item name: (identifier) @name) @definition.function)
(impl_item body: (declaration_list (function_item name: (identifier) @name) @definition.method))
(trait_item body: (declaration_list (function_item name: (identifier) @name) @definition.method))
(trait_item body: (declaration_list (function_signature_item name: (identifier) @name) @definition.method))
(foreign_mod_item body: (declaration_list (function_signature_item name: (identifier) @name) @definition.function))

(struct_item name: (type_identifier) @name) @definition.class
(union_item name: (type_identifier) @name) @definition.class
(enum_item name: (type_identifier) @name) @definition.enum
(trait_item name: (type_identifier) @name) @definition.interface
(type_item name: (type_identifier) @name) @definition.type
(mod_item name: (identifier) @name) @definition.module
(macro_definition name: (identifier) @name) @definition.function

; Items only: a const inside a fn body is a local.
(source_file (const_item name: (identifier) @name) @definition.constant)
(source_file (static_item name: (identifier) @name) @definition.constant)
(declaration_list (const_item name: (identifier) @name) @definition.constant)
(declaration_list (static_item name: (identifier) @name) @definition.constant)

; References
(call_expression function: (identifier) @name) @reference.call
(call_expression function: (field_expression field: (field_identifier) @name)) @reference.call
(call_expression function: (scoped_identifier name: (identifier) @name)) @reference.call
(call_expression
  function: (generic_function
    function: [
      (identifier) @name
      (field_expression field: (field_identifier) @name)
      (scoped_identifier name: (identifier) @name)
    ])) @reference.call
(macro_invocation macro: (identifier) @name) @reference.call
(macro_invocation macro: (scoped_identifier name: (identifier) @name)) @reference.call

; Imports. The source is the path before the leaf or the braces; inside nested braces
; (`use a::{b::{c, d}}`) the leaves keep the outer path, since no node spells `a::b`.
(use_declaration
  argument: (scoped_identifier path: (_) @import.source name: (identifier) @import.name)) @import
(use_declaration
  argument: (use_as_clause
    path: (scoped_identifier path: (_) @import.source name: (identifier) @import.name)
    alias: (identifier) @import.alias)) @import
(use_declaration argument: (identifier) @import.source) @import
(use_declaration
  argument: (use_as_clause path: (identifier) @import.source alias: (identifier) @import.namespace)) @import
(use_declaration argument: (use_wildcard . (_) @import.source)) @import
(use_declaration
  argument: (scoped_use_list
    path: (_) @import.source
    list: (use_list [
      (identifier) @import.name
      (scoped_identifier name: (identifier) @import.name)
      (use_as_clause
        path: [(identifier) @import.name (scoped_identifier name: (identifier) @import.name)]
        alias: (identifier) @import.alias)
      (scoped_use_list
        list: (use_list [
          (identifier) @import.name
          (scoped_identifier name: (identifier) @import.name)
          (use_as_clause
            path: [(identifier) @import.name (scoped_identifier name: (identifier) @import.name)]
            alias: (identifier) @import.alias)
        ]))
    ]))) @import
; `use std::io::{self, Read}` binds `io` to the module itself.
(use_declaration
  argument: (scoped_use_list
    path: [(identifier) @import.namespace (scoped_identifier name: (identifier) @import.namespace)] @import.source
    list: (use_list (self)))) @import
(use_declaration
  argument: (scoped_use_list path: (_) @import.source list: (use_list (use_wildcard)))) @import
; `mod x;` pulls in x.rs or x/mod.rs under the name x.
(mod_item name: (identifier) @import.source @import.namespace !body) @import
(extern_crate_declaration name: (identifier) @import.source !alias) @import
(extern_crate_declaration name: (identifier) @import.source alias: (identifier) @import.namespace) @import

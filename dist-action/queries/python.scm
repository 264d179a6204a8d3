; Definitions
(module (function_definition name: (identifier) @name) @definition.function)
(module (decorated_definition definition: (function_definition name: (identifier) @name)) @definition.function)
(class_definition body: (block (function_definition name: (identifier) @name) @definition.method))
(class_definition body: (block (decorated_definition definition: (function_definition name: (identifier) @name)) @definition.method))
(module (class_definition name: (identifier) @name) @definition.class)
(block (class_definition name: (identifier) @name) @definition.class)
; A decorator is part of its class's definition, as it is of a function's.
(decorated_definition definition: (class_definition name: (identifier) @name)) @definition.class
(module (expression_statement (assignment left: (identifier) @name)) @definition.constant)

; Nested functions are still functions (closures, factories).
(block (function_definition name: (identifier) @name) @definition.function)

; References
(call function: (identifier) @name) @reference.call
(call function: (attribute attribute: (identifier) @name)) @reference.call

; Imports
(import_statement name: (dotted_name) @import.source) @import
(import_statement name: (aliased_import name: (dotted_name) @import.source alias: (identifier) @import.namespace)) @import
(import_from_statement
  module_name: (_) @import.source
  name: (dotted_name) @import.name) @import
(import_from_statement
  module_name: (_) @import.source
  name: (aliased_import name: (dotted_name) @import.name alias: (identifier) @import.alias)) @import
(import_from_statement
  module_name: (_) @import.source
  (wildcard_import)) @import

; Definitions
(class_declaration name: (identifier) @name) @definition.class
(struct_declaration name: (identifier) @name) @definition.class
(record_declaration name: (identifier) @name) @definition.class
(interface_declaration name: (identifier) @name) @definition.interface
(enum_declaration name: (identifier) @name) @definition.enum
(delegate_declaration name: (identifier) @name) @definition.type
(method_declaration name: (identifier) @name) @definition.method
(constructor_declaration name: (identifier) @name) @definition.method
; Properties run code in their accessors, as getters do in TypeScript.
(property_declaration name: (identifier) @name) @definition.method
(namespace_declaration name: [(identifier) (qualified_name)] @name) @definition.module
(file_scoped_namespace_declaration name: [(identifier) (qualified_name)] @name) @definition.module

; Constants: `const` fields and `static readonly` ones, C#'s idiom for a constant of a
; non-primitive type.
(field_declaration
  (modifier "const")
  (variable_declaration (variable_declarator name: (identifier) @name))) @definition.constant
(field_declaration
  (modifier "static")
  (modifier "readonly")
  (variable_declaration (variable_declarator name: (identifier) @name))) @definition.constant

; References
; `nameof(x)` parses as an invocation but is a compile-time operator.
(invocation_expression function: (identifier) @name (#not-eq? @name "nameof")) @reference.call
(invocation_expression function: (generic_name (identifier) @name)) @reference.call
(invocation_expression
  function: (member_access_expression name: [(identifier) @name (generic_name (identifier) @name)])) @reference.call
(invocation_expression
  function: (conditional_access_expression (member_binding_expression name: [(identifier) @name (generic_name (identifier) @name)]))) @reference.call
(object_creation_expression type: (identifier) @name) @reference.call
(object_creation_expression type: (generic_name (identifier) @name)) @reference.call
(object_creation_expression
  type: (qualified_name name: [(identifier) @name (generic_name (identifier) @name)])) @reference.call

; Imports: `using X.Y;` brings a namespace's types into scope without binding a name;
; `using Z = X.Y;` binds the last segment as Z, the source being the aliased name in full.
(using_directive !name [(identifier) (qualified_name)] @import.source) @import
(using_directive
  name: (identifier) @import.alias
  [(identifier) @import.name (qualified_name name: (identifier) @import.name)] @import.source) @import

export * from "./DataTable";
export * from "./list-url";
export * from "./page-range";
export * from "./Timeline";
export * from "./ListControls";

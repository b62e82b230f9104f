export * from "./audit";
export * from "./auth";
export * from "./email";
export * from "./volunteers";
export * from "./courses";
export * from "./youths";
export * from "./pairings";
export * from "./associations";

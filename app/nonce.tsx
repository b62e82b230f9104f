import { createContext, useContext } from "react";

// Browsers hide nonce attributes from scripts, so on the client the value is empty and unused.
const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;

export function useNonce() {
  return useContext(NonceContext);
}

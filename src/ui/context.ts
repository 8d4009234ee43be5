import { createContext, useContext } from 'solid-js';
import type { AppState } from './state';

export const AppContext = createContext<AppState>();

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp outside <AppContext.Provider>');
  return state;
}

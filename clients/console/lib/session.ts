/** The signed-in caller's token, kept for this tab only (sessionStorage): closing the tab or signing out forgets it. */
const KEY = 'govgraph-console-token';

export const session = {
  token: (): string | null => sessionStorage.getItem(KEY),
  signIn: (token: string) => sessionStorage.setItem(KEY, token),
  signOut: () => sessionStorage.removeItem(KEY),
};

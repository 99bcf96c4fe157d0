/** Loading the app's page again (the service worker serves its kept copy offline). */
export const appPage = {
  reload() {
    window.location.reload()
  },
}

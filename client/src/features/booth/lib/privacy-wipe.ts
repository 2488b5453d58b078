/**
 * The booth's privacy wipe, after each consultation and after an idle time: nothing of the citizen
 * who just left may remain for the next one. A full page load to the welcome screen drops every
 * in-memory state (call, documents, chat, survey) and releases the camera and microphone.
 */
export async function privacyWipe(): Promise<void> {
  window.location.replace('/borne');
}

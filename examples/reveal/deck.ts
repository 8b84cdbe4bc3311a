/** The example deck: reveal.js from node_modules, bundled by Vite (no CDN, works offline). */
import Reveal from 'reveal.js';
import 'reveal.js/reset.css';
import 'reveal.js/reveal.css';
import 'reveal.js/theme/white.css';

const deck = new Reveal({
  hash: true,
  width: 1100,
  height: 720,
  // reveal's default: iframes do not grab focus when their slide loads, so the arrows keep driving the deck.
  preventIframeAutoFocus: true,
});
void deck.initialize().then(() => {
  document.body.dataset.deckReady = 'true';
});

// @vitest-environment happy-dom
/**
 * The owner's answer that comes later, in a long thread: the content script tells the adapter who
 * the owner is, and the adapter reads again only what a new reply can change (a viewer's reply
 * answers nobody's comment for the owner; the owner's answers every reply since their last).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startContent } from '../../src/content/page';
import { youtubeAdapter } from '../../src/sites/youtube';
import { loadPage } from '../helpers';
import { drawn, setUp, waitFor } from './live-service';

const WATCH = 'https://www.youtube.com/watch?v=Qm7tLp2vX9c';
/** The fixture's reply on the owner's comment (samir_dev). */
const SAMIR = 'UgxOwn003AaABAg.9zReply02';
let stop = () => undefined as void;
afterEach(() => stop());

/** Samir's reply as the site drew it (taken before any badge is on it). */
let template = '';

/** A copy of Samir's reply at the end of the thread, by `handle`, with its own id. */
function replyBy(handle: string, id: string): void {
  const samir = document.querySelector(`a[href*="lc=${SAMIR}"]`)!.closest('ytd-comment-view-model')!;
  samir.parentElement!.insertAdjacentHTML('beforeend', template.replaceAll(SAMIR, id).replaceAll('samir_dev', handle));
}

describe('an answer the owner writes later', () => {
  it('leaves the replies before a viewer’s waiting, and answers every reply since the owner’s last one', async () => {
    loadPage('youtube/watch.html', WATCH);
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(WATCH);
    template = document.querySelector(`a[href*="lc=${SAMIR}"]`)!.closest('ytd-comment-view-model')!.outerHTML;
    const setup = await setUp(youtubeAdapter);
    const content = startContent(youtubeAdapter, document, setup.send);
    stop = () => content.stop();
    await content.start();
    await waitFor(() => drawn()[`youtube:${SAMIR}`] === 'pending');

    replyBy('nadia_draws', 'UgxOwn003AaABAg.9zReply03');
    await waitFor(() => drawn()['youtube:UgxOwn003AaABAg.9zReply03'] === 'pending');
    expect(drawn()[`youtube:${SAMIR}`]).toBe('pending');

    replyBy('brightloop', 'UgxOwn003AaABAg.9zReply04');
    await waitFor(() => drawn()[`youtube:${SAMIR}`] === 'answered' && drawn()['youtube:UgxOwn003AaABAg.9zReply03'] === 'answered');
    // The owner's own reply gets no badge, and what the page shows is what the log holds.
    expect(drawn()['youtube:UgxOwn003AaABAg.9zReply04']).toBeUndefined();
    expect(drawn()).toEqual(await setup.stored());
  });
});

import MarkdownIt from 'markdown-it';
import './markdown.css';

/**
 * Markdown written by users (a contract's descriptions and usage, a sticky note) as HTML that is
 * safe to show: raw HTML is
 * escaped, links only go to http(s) and mailto, and images never load from anywhere (a
 * remote image would tell a third party who reads the contract): each shows as its text.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: false });

const SAFE_LINK = /^(https?:|mailto:|#)/i;
markdown.validateLink = (url) => SAFE_LINK.test(url.trim());

markdown.renderer.rules.image = (tokens, index) => {
  const token = tokens[index];
  const alt = markdown.utils.escapeHtml(String(token?.content || token?.attrGet('alt') || 'image'));
  return `<span class="markdown-image" title="Images are not loaded">[image: ${alt}]</span>`;
};

const defaultLinkOpen =
  markdown.renderer.rules.link_open ??
  ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  tokens[index]?.attrSet('rel', 'noopener noreferrer');
  tokens[index]?.attrSet('target', '_blank');
  return defaultLinkOpen(tokens, index, options, env, self);
};

export function renderMarkdown(text: string): string {
  return markdown.render(text);
}

/** One paragraph's worth, without the wrapping `<p>`: for table cells. */
export function renderInlineMarkdown(text: string): string {
  return markdown.renderInline(text);
}

export function Markdown({ text }: { text: string }) {
  // Safe: markdown-it escapes raw HTML here and the renderer drops unsafe links and all images.
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized by renderMarkdown (above)
  return <div className="markdown" dangerouslySetInnerHTML={{ __html: renderMarkdown(text) }} />;
}

export function InlineMarkdown({ text }: { text: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized by renderInlineMarkdown (above)
  return <span className="markdown" dangerouslySetInnerHTML={{ __html: renderInlineMarkdown(text) }} />;
}

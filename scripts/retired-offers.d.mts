import type { Plugin } from 'vite';

export function retiredOffers(): Plugin;

import type { Page } from '@playwright/test'
import { expect } from './fixtures'

/** The seed story's runner:16d9990 and the runner-ci trail that built it. */
export const SEED_FP = '9af401c4350b21e3f1df17d6ad808da43d9646e75b6da902cc7c492bcfb9c625'
export const TRAIL = 'a2ffba5a5debbc8f4f199cf5a88e5899c7d6547e'

/** A page to open, and how to tell it is drawn with its key values visible. */
export interface PageCase {
  name: string
  url: string
  ready: (page: Page) => Promise<void>
}

/** Ready once the page's h1 reads `name`. */
export const heading = (name: string | RegExp) => async (page: Page) =>
  expect(page.getByRole('heading', { name, level: 1 })).toBeVisible()

export const ENVIRONMENT_PAGE: PageCase = {
  name: 'environment',
  url: '/cyber-dojo/environments/aws-prod',
  ready: async (page) =>
    expect(page.getByRole('heading', { name: /Latest snapshot/ })).toBeVisible(),
}

export const LOG_PAGE: PageCase = {
  name: 'log',
  url: '/cyber-dojo/environments/aws-prod/events',
  ready: async (page) => expect(page.getByRole('navigation', { name: 'Log pages' })).toBeVisible(),
}

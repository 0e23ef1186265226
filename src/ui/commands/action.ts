/**
 * An action the learner can take: one object per file, listed once in registry.ts. The toolbar,
 * the keyboard, the shortcut list (?) and the command palette (Ctrl/⌘+K) all read that list, so an
 * action is named, bound and described in one place.
 */
import type { ReactNode, SVGProps } from 'react';

export type ActionGroup = 'Document' | 'Edit' | 'View' | 'Training' | 'Help';

/** The toolbar's menus (menus.ts): each lists the actions that name it, in registry order. */
export type MenuId = 'examples' | 'export';

/** Where an action sits in a toolbar menu, and how it reads there. */
export interface MenuEntry {
  menu: MenuId;
  /** The item's key within the menu; its test id is the menu's prefix and this (unless `testId`). */
  item: string;
  /** The item's title in the menu, where the menu says the rest ("PyTorch script (.py)" under Export). */
  title: string;
  /** The line under the title; default: the action's description. */
  description?: string;
  testId?: string;
  className?: string;
}

export interface Action {
  /** Stable id, e.g. "undo" (the toolbar names its buttons by it). */
  id: string;
  /** What a button or the palette shows: "Undo", "Build MLP". */
  label: string;
  /** One sentence: the button's tooltip, the palette's hint and the shortcut list's text. */
  description: string;
  group: ActionGroup;
  icon?: (props: SVGProps<SVGSVGElement>) => ReactNode;
  /**
   * Its keys as the shortcut list prints them, "Mod+Shift+Z / Mod+Y" (Mod is Ctrl, ⌘ on a Mac).
   * Several actions may print the same keys (Space); `keyTest` says which one a press is.
   */
  keys?: string;
  /** Whether this key press is this action's, where the focus is now (the one handler asks in registry order). */
  keyTest?(e: KeyboardEvent): boolean;
  /** The press still does its default (Escape also closes what the browser closes). */
  keepDefault?: boolean;
  /** Whether it can run now; absent: always. */
  enabled?(): boolean;
  /** A toggle's state (aria-pressed). */
  pressed?(): boolean;
  /** Subscribes to the stores `enabled` and `pressed` read, so buttons follow them. */
  subscribe?(onChange: () => void): () => void;
  /** Not offered in the palette (e.g. the palette itself). */
  hiddenFromPalette?: boolean;
  /** Its item in a toolbar menu, when it is one. */
  menu?: MenuEntry;
  /** A toolbar button's test id, where tests have long found it by one. */
  testId?: string;
  run(): void;
}

/** Ctrl or ⌘ held, and no Alt. */
export const withMod = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && !e.altKey;
/** Neither Ctrl, ⌘ nor Alt held. */
export const plain = (e: KeyboardEvent) => !e.ctrlKey && !e.metaKey && !e.altKey;

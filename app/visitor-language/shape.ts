import type { en } from './catalogues/en'

// The shape every catalogue fills: English's keys, each a string. A catalogue typed `VisitorCatalogue` that
// leaves a key out, or adds one, does not compile; catalogue.test.ts checks the same at run time, placeholders too.

export type FormText = { [K in keyof typeof en.form]: string }
export type SystemText = { [K in keyof typeof en.system]: string }
export type ConsentText = { [K in keyof typeof en.consent]: string }
export type VisitorCatalogue = { form: FormText; system: SystemText; consent: ConsentText }

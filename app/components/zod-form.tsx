import { zodResolver } from '@hookform/resolvers/zod'
import { Form, useNavigation, useSubmit } from '@remix-run/react'
import { useForm, type FieldValues, type Resolver } from 'react-hook-form'
import type { z } from 'zod'
import type { FormErrors } from '#app/http/form-data.server'

/**
 * A Remix <Form> validated in the browser by the same zod schema the action uses.
 * Without JavaScript it is a plain POST and the action's errors render instead; with it, react-hook-form
 * checks first and submits the real form element, so the action sees exactly what a no-JS post sends.
 */
export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, serverErrors?: FormErrors) {
  const submit = useSubmit()
  const navigation = useNavigation()
  // zodResolver's overloads need a concrete schema type, which the generic S hides; the cast restores it.
  const resolver = zodResolver(schema as never) as unknown as Resolver<z.input<S>>
  const form = useForm<z.input<S>>({ resolver, mode: 'onTouched' })
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const element = event.currentTarget
    void form.handleSubmit(() => submit(element))(event)
  }
  const errorFor = (name: string) => (form.formState.errors as Record<string, { message?: string } | undefined>)[name]?.message ?? serverErrors?.fieldErrors[name]?.[0]
  return { form, onSubmit, errorFor, isSubmitting: navigation.state !== 'idle', Form }
}
